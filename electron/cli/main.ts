// The `lawdesk` command line: the same core the app uses, for scripting and for machines
// without a display. Each command lives in commands/; outputs with --json are a documented contract.

import { type Command, UsageError } from './cli-support';
import { reportError, wantsJson } from './cli-errors';
import { backupCommand } from './commands/backup-command';
import { bundleCommand } from './commands/bundle-command';
import { checkCommand } from './commands/check-command';
import { restoreCommand } from './commands/restore-command';
import { diffCommand } from './commands/diff-command';
import { flagsCommand } from './commands/flags-command';
import { removeCommand } from './commands/remove-command';
import { importCommand } from './commands/import-command';
import { listCommand } from './commands/list-command';
import { packCommand } from './commands/pack-command';
import { precheckCommand } from './commands/precheck-command';
import { showCommand } from './commands/show-command';
import { reviewCommand } from './commands/review-command';
import { lectureCommand } from './commands/lecture-command';
import { planCommand } from './commands/plan-command';
import { citesCommand } from './commands/cites-command';
import { linksCommand } from './commands/links-command';
import { statsCommand } from './commands/stats-command';
import { reportCommand } from './commands/report-command';
import { registerCommand } from './commands/register-command';
import { officeCommand } from './commands/office-command';
import { holidaysCommand } from './commands/holidays-command';
import { recordsCommand } from './commands/records-command';
import { searchCommand } from './commands/search-command';
import { openCommand } from './commands/open-command';
import { reindexCommand } from './commands/reindex-command';
import { startCommand } from './commands/start-command';
import { verifyCommand } from './commands/verify-command';

export const commands: Record<string, Command> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  search: searchCommand,
  open: openCommand,
  reindex: reindexCommand,
  diff: diffCommand,
  flags: flagsCommand,
  pack: packCommand,
  remove: removeCommand,
  verify: verifyCommand,
  check: checkCommand,
  bundle: bundleCommand,
  backup: backupCommand,
  restore: restoreCommand,
  start: startCommand,
  review: reviewCommand,
  precheck: precheckCommand,
  lecture: lectureCommand,
  plan: planCommand,
  cites: citesCommand,
  links: linksCommand,
  stats: statsCommand,
  report: reportCommand,
  register: registerCommand,
  office: officeCommand,
  holidays: holidaysCommand,
  records: recordsCommand,
};

function help(): string {
  const lines = ['法规案头 LawDesk 命令行', '', '用法：lawdesk <命令> [选项]', ''];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${c.summary}`, `             ${c.usage}`);
  lines.push('', '资料库位置：--library DIR，或环境变量 LAWDESK_LIBRARY，默认为用户数据目录下的 LawDesk/library');
  return lines.join('\n') + '\n';
}

/** Whether the arguments ask for help: `--help` / `-h` anywhere before a `--` terminator. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Usage of one command, or of one of its subcommands when the usage has lines for it
 * (`lawdesk review add …`); lines that are not a command line (notes) are kept.
 */
export function commandHelp(name: string, sub?: string): string {
  const command = commands[name]!;
  const lines = command.usage.split('\n').map((l) => l.trim());
  const forSub = sub ? lines.filter((l) => l.startsWith(`lawdesk ${name} ${sub} `) || l === `lawdesk ${name} ${sub}`) : [];
  const shown = forSub.length ? [...forSub, ...lines.filter((l) => !l.startsWith('lawdesk '))] : lines;
  return `lawdesk ${name}：${command.summary}\n\n用法：${shown.join('\n      ')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    return reportError(new UsageError(`未知命令“${name}”\n\n${help()}`), wantsJson(rest));
  }
  if (wantsHelp(rest)) {
    // Answered here, before the command parses anything or opens a library, so every command
    // and subcommand has the same --help without each one declaring it.
    process.stdout.write(commandHelp(name, rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined));
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    return reportError(e, wantsJson(rest));
  }
}
