// Runs the CLI like bin/trainpack.js, then reports the process's peak memory (worker threads included) on stderr.
import { run } from '../dist/cli/run.js';

const code = await run(process.argv.slice(2));
process.stderr.write(`\n@@measure ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
