import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { panView, zoomView, type ViewLimits, type ViewWindow } from '../../scale/window.js';

/** What the gesture controller needs from the axis it moves. */
export interface AxisGestureHost {
  readonly axisView: ViewWindow;
  readonly axisLimits: ViewLimits;
  /** Pixels per coordinate at the current view. */
  readonly axisScale: number;
  readonly isRtl: boolean;
  /** The axis coordinate under a viewport x position (clientX) in the axis's viewport. */
  coordAt(clientX: number, viewport: Element): number;
  setAxisView(view: ViewWindow): void;
  /** A gesture has ended: time to tell listeners and screen readers where the view is now. */
  axisGestureEnded(): void;
}

/** Movement (px) before a press becomes a drag, so clicks on events still work. */
const DRAG_THRESHOLD = 4;
/** Quiet time (ms) after the last wheel event that ends a wheel gesture. */
const WHEEL_END_MS = 200;

/** Keeps a pointer's events coming to the axis while it drags; a pointer that is already gone is fine. */
function capture(event: PointerEvent): void {
  try {
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
  } catch {
    // Not an active pointer (already released, or a synthetic event): nothing to capture.
  }
}

/**
 * Mouse, touch and wheel input on the axis: drag or swipe to pan, ctrl/⌘ + wheel or pinch to zoom, a
 * horizontal wheel (trackpad) to pan, double-click to zoom in (shift: out). A plain vertical wheel is left to
 * the page, so the timeline never traps scrolling. Bind the handlers in the template; the pointer and
 * double-click listeners can be passive, the wheel listener cannot (it cancels the zoom/pan scrolls it uses).
 */
export class AxisGestureController implements ReactiveController {
  private readonly pointers = new Map<number, number>();
  private drag?: { pointerId: number; startX: number; startView: ViewWindow; active: boolean };
  private pinch?: { startDistance: number; startView: ViewWindow; anchor: number };
  /**
   * Whether the pointers down have moved the view (a drag or a pinch). It ends when the last pointer lifts, not
   * when the pinch does: fingers lift one after the other, and the gesture is over only once all have.
   */
  private moved = false;
  private wheelTimer?: ReturnType<typeof setTimeout>;
  /** Set after a drag, to swallow the click that the browser sends at its end. */
  private swallowClick = false;

  /** `host` is the axis the input moves; `element`, the element whose lifecycle the controller follows. */
  constructor(
    private readonly host: AxisGestureHost,
    element: ReactiveControllerHost,
  ) {
    element.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.wheelTimer);
    this.pointers.clear();
    this.drag = undefined;
    this.pinch = undefined;
    this.moved = false;
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    this.pointers.set(event.pointerId, event.clientX);
    this.swallowClick = false;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.drag = undefined;
      this.pinch = {
        startDistance: Math.max(Math.abs(a - b), 1),
        startView: this.host.axisView,
        anchor: this.host.coordAt((a + b) / 2, event.currentTarget as Element),
      };
      capture(event);
    } else if (this.pointers.size === 1) {
      this.drag = { pointerId: event.pointerId, startX: event.clientX, startView: this.host.axisView, active: false };
    }
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, event.clientX);
    if (this.pinch && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const factor = Math.max(Math.abs(a - b), 1) / this.pinch.startDistance;
      this.moved = true;
      this.host.setAxisView(zoomView(this.pinch.startView, factor, this.pinch.anchor, this.host.axisLimits));
      return;
    }
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    if (!drag.active) {
      if (Math.abs(dx) < DRAG_THRESHOLD) return;
      drag.active = true;
      capture(event);
    }
    const delta = (this.host.isRtl ? dx : -dx) / this.host.axisScale;
    this.moved = true;
    this.host.setAxisView(panView(drag.startView, delta, this.host.axisLimits));
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    if (!this.pointers.delete(event.pointerId)) return;
    if (this.drag?.active) this.swallowClick = true;
    if (this.pointers.size < 2) this.pinch = undefined;
    if (this.pointers.size > 0) return;
    this.drag = undefined;
    // Once per gesture, whichever finger lifts last.
    if (this.moved) this.host.axisGestureEnded();
    this.moved = false;
  };

  /** Capture-phase click: a drag that ends over an event must not also open it. */
  readonly onClickCapture = (event: MouseEvent): void => {
    if (!this.swallowClick) return;
    this.swallowClick = false;
    event.stopPropagation();
    event.preventDefault();
  };

  readonly onDoubleClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest('button, a')) return;
    const anchor = this.host.coordAt(event.clientX, event.currentTarget as Element);
    this.host.setAxisView(zoomView(this.host.axisView, event.shiftKey ? 0.5 : 2, anchor, this.host.axisLimits));
    this.host.axisGestureEnded();
  };

  /** A listener object, so Lit adds it with `passive: false`. */
  readonly wheel = {
    passive: false,
    handleEvent: (event: WheelEvent): void => {
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      const dx = event.deltaX * unit;
      const dy = event.deltaY * unit;
      if (event.ctrlKey || event.metaKey) {
        // ctrl + wheel is also what a trackpad pinch sends.
        event.preventDefault();
        const anchor = this.host.coordAt(event.clientX, event.currentTarget as Element);
        this.host.setAxisView(zoomView(this.host.axisView, Math.exp(-dy * 0.002), anchor, this.host.axisLimits));
      } else if (Math.abs(dx) > Math.abs(dy)) {
        event.preventDefault();
        const delta = (this.host.isRtl ? -dx : dx) / this.host.axisScale;
        this.host.setAxisView(panView(this.host.axisView, delta, this.host.axisLimits));
      } else {
        return; // a vertical wheel scrolls the page
      }
      clearTimeout(this.wheelTimer);
      this.wheelTimer = setTimeout(() => this.host.axisGestureEnded(), WHEEL_END_MS);
    },
  };
}
