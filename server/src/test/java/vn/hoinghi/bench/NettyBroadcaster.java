package vn.hoinghi.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of the fan-out comparison (issue 7): a bare Netty WebSocket server that writes one text frame to a
 * ChannelGroup every interval — no protocol, no state, no authentication. The frame carries its send time
 * ({"type":"tick","t":<epoch ms>,…}) padded to about 120 bytes.
 * {@code java -cp … vn.hoinghi.bench.NettyBroadcaster <port> [intervalMs] [threads]}
 */
public final class NettyBroadcaster {
  private NettyBroadcaster() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long interval = args.length > 1 ? Long.parseLong(args[1]) : 500;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    ChannelGroup all = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new WebSocketServerProtocolHandler("/ws", null, true),
                new SimpleChannelInboundHandler<WebSocketFrame>() {
                  @Override
                  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) all.add(ctx.channel());
                  }

                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                    // clients send nothing in this benchmark
                  }
                });
          }
        });
    Channel server = b.bind(port).sync().channel();
    System.out.println("netty broadcaster on " + port + ", every " + interval + " ms");
    Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
      String json = "{\"type\":\"tick\",\"t\":" + System.currentTimeMillis() + ",\"pad\":\"" + "x".repeat(80) + "\"}";
      ByteBuf payload = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
      all.writeAndFlush(new TextWebSocketFrame(payload));
    }, interval, interval, TimeUnit.MILLISECONDS);
    server.closeFuture().sync();
  }
}
