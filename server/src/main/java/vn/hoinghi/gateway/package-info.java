/**
 * The security boundary: the WebSocket protocol ({@link vn.hoinghi.gateway.ClientSession}) and the
 * REST API ({@link vn.hoinghi.gateway.RestApi}). Nothing a client sends is trusted: every message
 * is parsed strictly, bounded in size and rate, authenticated by token, and every command is
 * authorized again by the domain core against the conference's current state.
 */
package vn.hoinghi.gateway;
