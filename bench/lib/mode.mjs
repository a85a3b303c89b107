// What every mode of bench/run.mjs does with its command line before it measures anything.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/**
 * A mode's options, or null when the command is answered without measuring: `--help` prints the mode's usage,
 * `--from <json>` the report of a run saved before.
 * @param argv - The command line after `node bench/run.mjs`.
 * @param mode - The mode's option table (node:util parseArgs), its usage line, and how it reports a saved run.
 */
export async function modeOptions(argv, { options, usage, markdown }) {
  const { values } = parseArgs({ args: argv, options });
  if (values.help) console.log(usage);
  else if (values.from) {
    const saved = JSON.parse(await readFile(values.from, 'utf8'));
    console.log(markdown(saved.meta, saved.results));
  } else return values;
  return null;
}
