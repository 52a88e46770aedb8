/**
 * HTTP surface: the router (health, metrics, the web client precompressed in memory, REST with compressed answers)
 * and the WebSocket endpoint. Handlers stay thin; they translate between the wire and the application services.
 */
package vn.hoinghi.http;
