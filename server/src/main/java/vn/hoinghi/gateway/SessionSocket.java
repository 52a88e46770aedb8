package vn.hoinghi.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's socket: the bare Netty channel taken over from Vert.x after the upgrade ({@link WsTransport}), or, on a
 * Vert.x that does not expose the channel, its {@link ServerWebSocket} carrying the same protocol. Either way the
 * session hears the socket through one {@link WsTransport.Listener} and writes through the methods here.
 */
final class SessionSocket {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSocket.class);
  /** The outbound buffer's high-water mark: above it the socket counts as full (see {@link CongestionWindow}). */
  static final int WRITE_QUEUE_BYTES = 1024 * 1024;
  private static final Buffer PING = Buffer.buffer("hb");

  /** The socket as a bare Netty channel, taken over from Vert.x after the upgrade (null: Vert.x's WebSocket). */
  private WsTransport transport;
  /** Vert.x's WebSocket, kept only when its channel could not be taken over (then it carries the protocol). */
  private ServerWebSocket ws;

  SessionSocket(ServerWebSocket ws) {
    this.ws = ws;
  }

  /** Takes the channel over (or wires Vert.x's WebSocket to the listener) and sends the server's first frame. */
  void start(Context context, WsTransport.Listener listener, Buffer serverFrame) {
    transport = WsTransport.adopt(ws, (ContextInternal) context, listener);
    if (transport != null) {
      transport.channel().config().setWriteBufferWaterMark(
          new WriteBufferWaterMark(WRITE_QUEUE_BYTES / 2, WRITE_QUEUE_BYTES));
      transport.sendFrame(serverFrame);
      // Holding Vert.x's WebSocket would keep its connection objects (queues, upgrade request, headers) alive.
      ws = null;
    } else {
      // A Vert.x that does not expose the channel: the same protocol through its ServerWebSocket.
      ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
      ws.textMessageHandler(listener::onText);
      ws.binaryMessageHandler(b -> listener.onBinary());
      ws.pongHandler(b -> listener.onPong());
      ws.closeHandler(v -> listener.onClosed());
      ws.exceptionHandler(e -> onSocketError(e, listener));
      ws.writeFrame(TextFrames.of(serverFrame));
    }
  }

  /** Vert.x reports an oversized message as an exception and drops it; the protocol closes with 1009. */
  private static void onSocketError(Throwable e, WsTransport.Listener listener) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("max message size") || m.contains("frame length") || e instanceof TooLongFrameException) {
      listener.onTooBig();
    } else {
      LOG.debug("websocket error: {}", m);
    }
  }

  /** The connection's Netty channel, taken over or still inside Vert.x's WebSocket; null if neither exposes it. */
  Channel channel() {
    if (transport != null) return transport.channel();
    return ws instanceof WebSocketInternal wi ? wi.channelHandlerContext().channel() : null;
  }

  boolean isClosed() {
    return transport != null ? transport.isClosed() : ws.isClosed();
  }

  /** True while the outbound buffer is over {@link #WRITE_QUEUE_BYTES}. */
  boolean full() {
    return transport != null ? !transport.writable() : ws.writeQueueFull();
  }

  /** A reply to this connection only. */
  void sendText(String text) {
    if (transport != null) transport.sendText(text);
    else ws.writeTextMessage(text);
  }

  /** A feed frame: UTF-8 text shared with other connections. */
  void sendFrame(Buffer frame) {
    if (transport != null) transport.sendFrame(frame);
    else ws.writeFrame(TextFrames.of(frame));
  }

  /** True when frames already encoded for the wire can be written (the channel was taken over). */
  boolean takesWire() {
    return transport != null;
  }

  /** A frame already encoded for the wire, written past the WebSocket encoder; only when {@link #takesWire()}. */
  void sendWire(ByteBuf wire) {
    transport.sendWire(wire);
  }

  void ping() {
    if (transport != null) transport.ping();
    else ws.writePing(PING);
  }

  void close(short code, String reason) {
    if (transport != null) transport.close(code, reason);
    else ws.close(code, reason).onFailure(e -> LOG.debug("close: {}", e.getMessage()));
  }
}
