/**
 * Start-up and wiring: configuration layers, the choice of store, the Vert.x instance with its
 * metrics, and graceful shutdown. Nothing here holds domain logic.
 */
package vn.hoinghi.app;
