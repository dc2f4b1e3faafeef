/**
 * The deny list: card serials the operator has blocked (lost, stolen, fraud), checked at every tap
 * before any fare is taken. A deny list is replaced as a whole, never edited line by line.
 */
package org.farebox.terminal.deny;
