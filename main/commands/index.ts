// Every `cabin` subcommand, in the order `cabin --help` lists them.
import type { Command } from '../command.js';
import { benchCommand } from './bench.command.js';
import { dbcCommand } from './dbc.command.js';
import { dumpCommand } from './dump.command.js';
import { enrolCommand } from './enrol.command.js';
import { listenCommand } from './listen.command.js';
import { replayCommand } from './replay.command.js';
import { runCommand } from './run.command.js';
import { sendCommand } from './send.command.js';
import { simCommand } from './sim.command.js';
import { startCommand } from './start.command.js';
import { stateCommand } from './state.command.js';
import { stylesCommand } from './styles.command.js';
import { understandCommand } from './understand.command.js';

export const commands: Command[] = [startCommand, simCommand, stateCommand, sendCommand, dumpCommand, replayCommand, dbcCommand, understandCommand, runCommand, listenCommand, enrolCommand, stylesCommand, benchCommand];
