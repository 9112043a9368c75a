/*
 * The client side of RFC 6455 that the C load generators share (fanout-viewers.c: the viewers who
 * receive; chat-senders.c: the viewers who chat): loopback IPv4 only, a masked hello once the
 * handshake is answered, pongs for pings, whole frames handed to a callback, an incomplete frame
 * carried to the next read. Static functions: each generator is one translation unit, and defines
 * GENERATOR (its name, for messages) before including this.
 */
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct conn {
  int fd;
  int upgraded, welcomed;
  const char *hello; /* sent once the handshake is answered */
  char *rest;        /* bytes of an incomplete frame carried to the next read */
  size_t rest_len;
};

/* A whole text frame's payload, read at `at` (ms, CLOCK_MONOTONIC). */
typedef void (*text_fn)(struct conn *c, const unsigned char *p, size_t n, double at);

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void give_up(int sig) {
  (void)sig;
  static const char msg[] = GENERATOR ": gave up (FANOUT_GIVE_UP_S)\n";
  (void)!write(2, msg, sizeof msg - 1);
  _exit(1);
}

/* Ends the process after `seconds` (1..7,200; else `fallback`) whatever it is doing: every run is bounded. */
static void bound_run(const char *seconds, int fallback) {
  int limit = seconds ? atoi(seconds) : fallback;
  signal(SIGALRM, give_up);
  alarm(limit >= 1 && limit <= 7200 ? (unsigned)limit : (unsigned)fallback);
}

static void die(const char *what) {
  perror(what);
  exit(1);
}

static void send_all(int fd, const void *data, size_t n) {
  const char *p = data;
  int full = 0;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EAGAIN && ++full < 10000) { /* a full socket buffer: wait up to ~1 s for the relay to read */
      struct timespec pause = {.tv_sec = 0, .tv_nsec = 100 * 1000};
      nanosleep(&pause, NULL);
      continue;
    }
    if (w < 0) return; /* the relay dropped us; the report will show what is missing */
    p += w;
    n -= (size_t)w;
  }
}

/* A masked client frame (RFC 6455 §5.3); payloads here are small. */
static void send_frame(int fd, int opcode, const unsigned char *payload, size_t n) {
  unsigned char out[4096 + 14];
  if (n > 4096) return;
  size_t h = 0;
  out[h++] = (unsigned char)(0x80 | opcode);
  if (n < 126) out[h++] = (unsigned char)(0x80 | n);
  else {
    out[h++] = 0x80 | 126;
    out[h++] = (unsigned char)(n >> 8);
    out[h++] = (unsigned char)n;
  }
  unsigned char mask[4] = {(unsigned char)rand(), (unsigned char)rand(), (unsigned char)rand(), (unsigned char)rand()};
  memcpy(out + h, mask, 4);
  h += 4;
  for (size_t i = 0; i < n; i++) out[h + i] = payload[i] ^ mask[i & 3];
  send_all(fd, out, h + n);
}

/*
 * Opens c to host:port (from the loopback source address `from` unless NULL: a viewer on its own
 * network), sends the upgrade request, and watches it in ep as `idx`.
 */
static void ws_open(int ep, struct conn *c, unsigned idx, const char *host, int port, const char *path, const char *from, const char *hello) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) die("socket");
  if (from) {
    struct sockaddr_in src = {.sin_family = AF_INET};
    if (inet_pton(AF_INET, from, &src.sin_addr) != 1 || (ntohl(src.sin_addr.s_addr) >> 24) != 127) {
      fprintf(stderr, "ws-client: source %s is not a loopback IPv4 address\n", from);
      exit(2);
    }
    if (bind(fd, (struct sockaddr *)&src, sizeof src) < 0) die("bind");
  }
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  if (inet_pton(AF_INET, host, &a.sin_addr) != 1 || (ntohl(a.sin_addr.s_addr) >> 24) != 127) {
    fprintf(stderr, "ws-client: %s is not a loopback IPv4 address\n", host);
    exit(2);
  }
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char key[25];
  for (int k = 0; k < 21; k++) key[k] = b64[rand() & 63];
  key[21] = b64[rand() & 48]; /* 16 bytes: the last character carries 2 bits, then "==" */
  memcpy(key + 22, "==", 3);
  char req[512];
  int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", path, host, port, key);
  send_all(fd, req, (size_t)n);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  *c = (struct conn){.fd = fd, .hello = hello};
  struct epoll_event ev = {.events = EPOLLIN, .data.u32 = idx};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
}

/* Parses whole frames out of data; keeps an incomplete tail for the next read. */
static void ws_on_data(struct conn *c, unsigned char *data, size_t n, double at, text_fn on_text) {
  if (!c->upgraded) {
    unsigned char *end = memmem(data, n, "\r\n\r\n", 4);
    if (!end) goto keep;
    if (n < 12 || !memmem(data, 12, "101", 3)) {
      fprintf(stderr, "ws-client: handshake refused: %.*s\n", (int)(end - data), data);
      exit(1);
    }
    c->upgraded = 1;
    send_frame(c->fd, 0x1, (const unsigned char *)c->hello, strlen(c->hello));
    n -= (size_t)(end + 4 - data);
    data = end + 4;
  }
  while (n >= 2) {
    int op = data[0] & 0x0f;
    size_t len = data[1] & 0x7f, off = 2;
    if (len == 126) {
      if (n < 4) break;
      len = (size_t)data[2] << 8 | data[3];
      off = 4;
    } else if (len == 127) {
      if (n < 10) break;
      len = 0;
      for (int k = 2; k < 10; k++) len = len << 8 | data[k];
      off = 10;
    }
    if (n < off + len) break;
    if (op == 0x1) on_text(c, data + off, len, at);
    else if (op == 0x9) send_frame(c->fd, 0xa, data + off, len);
    data += off + len;
    n -= off + len;
  }
keep:
  if (n > 0) {
    char *copy = malloc(n);
    if (!copy) die("malloc");
    memcpy(copy, data, n);
    c->rest = copy;
    c->rest_len = n;
  }
}

/*
 * Reads what c's socket has into buf (after the carried tail) and hands its frames to on_text.
 * Returns 0 when the peer closed the socket (it is then closed and unwatched), 1 otherwise.
 */
static int ws_read(int ep, struct conn *c, unsigned char *buf, size_t size, text_fn on_text) {
  double at = now_ms();
  size_t have = c->rest_len < size / 2 ? c->rest_len : 0; /* a frame that large is not ours to measure */
  if (have) memcpy(buf, c->rest, have);
  ssize_t r = read(c->fd, buf + have, size - have);
  if (r < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  free(c->rest);
  c->rest = NULL;
  c->rest_len = 0;
  if (r <= 0) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    return 0;
  }
  ws_on_data(c, buf, have + (size_t)r, at, on_text);
  return 1;
}
