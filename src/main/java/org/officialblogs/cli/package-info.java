/** The command line's subcommands, one class each; {@code Main} registers them and wires the application. */
package org.officialblogs.cli;
