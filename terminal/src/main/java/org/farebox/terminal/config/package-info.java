/** The terminal's configuration file: every key has a default, and every error names the file, line and key. */
package org.farebox.terminal.config;
