// Every `cabin` subcommand, in the order `cabin --help` lists them.
import type { Command } from '../command.js';
import { benchCommand } from './bench.command.js';
import { dbcCommand } from './dbc.command.js';
import { dumpCommand } from './dump.command.js';
import { replayCommand } from './replay.command.js';
import { simCommand } from './sim.command.js';

export const commands: Command[] = [simCommand, dumpCommand, replayCommand, dbcCommand, benchCommand];
