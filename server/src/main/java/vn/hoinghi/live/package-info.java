/**
 * The live engine: one writer per conference (decides commands in order, commits them in groups,
 * keeps the state), and the fan-out of committed events, tallies and presence to the connections
 * that may see them. Each conference's writer runs on its own Vert.x context; each event loop that
 * holds connections of a conference has a {@link vn.hoinghi.live.LocalFeed} that writes to them
 * without crossing threads.
 */
package vn.hoinghi.live;
