package vn.hoinghi.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One WebSocket as a bare Netty channel. Vert.x accepts the upgrade (routing, subprotocol, limits); then its
 * per-connection WebSocket machinery — two message queues, the retained upgrade request and its headers, about
 * 14 KB a connection — is taken out of the pipeline and this handler takes over: at 15,000 connections that is the
 * difference between fitting in memory comfortably or not. Everything still runs on the connection's Vert.x event
 * loop, inside its context ({@link ContextInternal#emit}), and every write goes through Netty's WebSocket encoder
 * except fan-out frames, which arrive already encoded ({@link vn.hoinghi.live.WireFrame}).
 */
final class WsTransport {

  /** What the session hears from the socket. All calls run on the connection's context. */
  interface Listener {
    void onText(String text);

    void onBinary();

    void onPong();

    void onTooBig();

    /** A text message that is not valid UTF-8. */
    void onInvalidText();

    void onClosed();
  }

  /** One strict decoder per event-loop thread (decoders are not thread-safe; one per connection would cost memory). */
  private static final ThreadLocal<java.nio.charset.CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WsTransport.class);

  private final Channel channel;
  private final ChannelHandlerContext encoder;
  private final ContextInternal context;
  private volatile boolean closed;

  private WsTransport(Channel channel, ContextInternal context) {
    this.channel = channel;
    this.context = context;
    this.encoder = channel.pipeline().context("wsencoder");
  }

  /**
   * Takes the accepted WebSocket's channel over from Vert.x. Returns null when this Vert.x does not expose the
   * channel (the caller then keeps using the ServerWebSocket).
   */
  static WsTransport adopt(ServerWebSocket ws, ContextInternal context, Listener listener) {
    if (!(ws instanceof WebSocketInternal internal)) return null;
    Channel ch = internal.channelHandlerContext().channel();
    ChannelPipeline p = ch.pipeline();
    if (p.context("wsencoder") == null || p.context("wsdecoder") == null) return null;
    String vertx = null;
    for (Map.Entry<String, ChannelHandler> e : p) {
      if (e.getValue().getClass().getName().startsWith("io.vertx.")) vertx = e.getKey();
    }
    if (vertx == null) return null;
    WsTransport t = new WsTransport(ch, context);
    p.remove(vertx);
    p.addLast("hoinghi-aggregator", new WebSocketFrameAggregator(Gateway.MAX_WS_MESSAGE));
    p.addLast("hoinghi-ws", t.new Inbound(listener));
    return t;
  }

  Channel channel() {
    return channel;
  }

  boolean isClosed() {
    return closed || !channel.isActive();
  }

  boolean writable() {
    return channel.isWritable();
  }

  void sendText(String text) {
    if (isClosed()) return;
    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))),
        channel.voidPromise());
  }

  /** A shared UTF-8 buffer as a text frame (the frame takes a slice; the buffer is never modified). */
  void sendFrame(Buffer utf8) {
    if (isClosed()) return;
    channel.writeAndFlush(new TextWebSocketFrame(true, 0, ((BufferInternal) utf8).getByteBuf()), channel.voidPromise());
  }

  /** A frame already encoded for the wire, shared by many connections: written past the encoder. */
  void sendWire(ByteBuf wire) {
    if (isClosed()) return;
    encoder.writeAndFlush(wire.retainedDuplicate(), channel.voidPromise());
  }

  void ping() {
    if (isClosed()) return;
    channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {'h', 'b'})), channel.voidPromise());
  }

  /** How long a close waits for the client's close frame before it closes the connection anyway. */
  static final long CLOSE_TIMEOUT_MS = 3_000;

  /**
   * Sends a close frame with the code and reason; the connection is closed when the client answers with its own close
   * frame, or after {@link #CLOSE_TIMEOUT_MS}. Closing at once would make this side's kernel answer whatever the
   * client is still sending (a flood, a burst) with a reset, and a reset can discard the close frame unread: the
   * client would see an abnormal closure instead of the code that tells it what to do.
   */
  void close(short code, String reason) {
    if (closed) return;
    closed = true;
    if (!channel.isActive()) return;
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason), channel.voidPromise());
    channel.eventLoop().schedule(() -> {
      channel.close();
    }, CLOSE_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private final class Inbound extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final Listener listener;

    Inbound(Listener listener) {
      this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      // Once a close frame has gone out, only the client's close frame matters.
      if (closed && !(frame instanceof CloseWebSocketFrame)) return;
      if (frame instanceof TextWebSocketFrame t) {
        // The aggregator bounds fragmented messages; a single frame is bounded here.
        if (t.content().readableBytes() > Gateway.MAX_WS_MESSAGE) {
          context.emit(null, v -> listener.onTooBig());
          return;
        }
        String text;
        try {
          // Strict: RFC 6455 requires failing the connection on invalid UTF-8 rather than guessing (a lenient
          // decoder would put replacement characters into what the client believes it sent).
          text = STRICT_UTF8.get().decode(t.content().nioBuffer()).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
          context.emit(null, v -> listener.onInvalidText());
          return;
        }
        context.emit(text, listener::onText);
      } else if (frame instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()), ctx.voidPromise());
        context.emit(null, v -> listener.onPong());
      } else if (frame instanceof PongWebSocketFrame) {
        context.emit(null, v -> listener.onPong());
      } else if (frame instanceof CloseWebSocketFrame c) {
        if (!closed) {
          closed = true;
          ctx.writeAndFlush(new CloseWebSocketFrame(c.statusCode() < 0 ? 1000 : c.statusCode(), ""))
              .addListener(ChannelFutureListener.CLOSE);
        } else {
          ctx.close(); // the answer to our close frame: the closing handshake is complete
        }
      } else if (frame instanceof BinaryWebSocketFrame) {
        context.emit(null, v -> listener.onBinary());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      closed = true;
      context.emit(null, v -> listener.onClosed());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException
          || cause.getCause() instanceof TooLongFrameException) {
        context.emit(null, v -> listener.onTooBig());
      } else {
        // A reset, a keepalive timeout (ETIMEDOUT) or a broken pipe: the link is gone, no close frame can pass.
        LOG.debug("WebSocket connection failed: {}", cause.toString());
        ctx.close();
      }
    }
  }
}
