import type { Plugin } from 'vite';
export function minifyTemplates(source: string): string;
export function minifyHtml(text: string): string;
export function minifyCss(text: string): string;
export function minifyTemplatesPlugin(): Plugin;
