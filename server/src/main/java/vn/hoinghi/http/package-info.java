/**
 * HTTP surface: the router (health, metrics, static web client, REST) and the WebSocket endpoint.
 * Handlers stay thin; they translate between the wire and the application services.
 */
package vn.hoinghi.http;
