// Every `cabin` subcommand, in the order `cabin --help` lists them.
import type { Command } from '../command.js';

export const commands: Command[] = [];
