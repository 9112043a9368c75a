/*
 * bench:chat-fanout's senders, in C: viewers who chat. In Node they took 11–15 % of a core on the
 * relay's two, most of it reading the chat they also receive (every batch, on every socket); here
 * that reading is a frame walk. Registration (an HTTP POST per device) stays in chat-senders.ts.
 *
 * Run: chat-senders ws://127.0.0.1:PORT/ws/watch TOKEN, then on stdin:
 *   sender <source address 127.x.y.z> <viewer id>   once per sender (its own network, its own device)
 *   line <0|1> <JSON string>                         a line a viewer would type, and whether it is a question
 *   open                                             connects every sender; stdout {"ready":N} once all are welcomed
 *   go <count> <period ms>                           message k is due period × k after now, from sender k mod N
 *   report                                           stdout {"sent":K,"acks":[[seq,posted 0|1,refusal|null,ms],…],"closed":C}
 * A message is sent when due (several at once if this process fell behind), its text stamped
 * "#c<seq> t<µs>" with CLOCK_MONOTONIC at its actual send (chat-stamps.ts; fanout-viewers.c reads
 * it), so a late send never counts as latency; `ms` is send to chatAck. stdout prints {"sent":K}
 * when the schedule is over. Bounded: 1,000 senders, 200,000 messages, the schedule's length + 10 s,
 * and it gives up after FANOUT_GIVE_UP_S (300) seconds.
 */
#define _GNU_SOURCE
#include <signal.h>

#define GENERATOR "chat-senders"
#include "ws-client.h"

#define MAX_SENDERS 1000
#define MAX_LINES 64
#define MAX_MESSAGES 200000

static struct conn conns[MAX_SENDERS];
static char *hellos[MAX_SENDERS], *sources[MAX_SENDERS];
static char *lines[MAX_LINES];
static int questions[MAX_LINES];
static int senders, n_lines, welcomed, closed;
static double sent_at[MAX_MESSAGES], ack_ms[MAX_MESSAGES];
static signed char posted[MAX_MESSAGES]; /* -1 no ack yet, 0 refused, 1 posted */
static char refusal[MAX_MESSAGES][24];
static char host[64], path[256], token[1600];
static int port;
static unsigned char buf[1 << 18];

/* The digits after `key` in p[0..n), or -1. */
static long number_after(const unsigned char *p, size_t n, const char *key) {
  const unsigned char *k = memmem(p, n, key, strlen(key));
  if (!k) return -1;
  const unsigned char *q = k + strlen(key), *e = p + n;
  long v = 0;
  int any = 0;
  while (q < e && *q >= '0' && *q <= '9' && v < MAX_MESSAGES) v = v * 10 + (*q++ - '0'), any = 1;
  return any ? v : -1;
}

/* '{"type":"chatAck","ref":"<seq>","id":"…"|null,"refusal":"…"|null,…}'; the welcome; everything else (the chat) is skipped. */
static void on_text(struct conn *c, const unsigned char *p, size_t n, double at) {
  if (n > 10 && p[9] == 'w' && p[10] == 'e' && !c->welcomed) {
    c->welcomed = 1;
    welcomed++;
    return;
  }
  if (n < 17 || memcmp(p + 9, "chatAck\"", 8) != 0) return;
  long seq = number_after(p, n, "\"ref\":\"");
  if (seq < 0 || seq >= MAX_MESSAGES || posted[seq] != -1) return;
  const unsigned char *id = memmem(p, n, "\"id\":", 5);
  posted[seq] = id && id + 5 < p + n && id[5] == '"';
  ack_ms[seq] = at - sent_at[seq];
  const unsigned char *r = memmem(p, n, "\"refusal\":\"", 11);
  if (r) {
    size_t len = 0;
    for (const unsigned char *q = r + 11; q < p + n && *q != '"' && len < sizeof refusal[0] - 1; q++) refusal[seq][len++] = (char)*q;
    refusal[seq][len] = 0;
  }
}

static void send_message(long seq) {
  struct conn *c = &conns[seq % senders];
  int line = (int)(seq % n_lines);
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  long long us = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
  char text[4096];
  int len = snprintf(text, sizeof text, "{\"type\":\"chat\",\"ref\":\"%ld\",\"text\":\"#c%ld t%lld %s\",\"question\":%s}", seq, seq, us, lines[line], questions[line] ? "true" : "false");
  if (len <= 0 || (size_t)len >= sizeof text) return;
  sent_at[seq] = (double)us / 1000.0;
  send_frame(c->fd, 0x1, (const unsigned char *)text, (size_t)len);
}

static void report(long sent) {
  printf("{\"sent\":%ld,\"acks\":[", sent);
  int first = 1;
  for (long i = 0; i < sent; i++) {
    if (posted[i] < 0) continue;
    if (refusal[i][0]) printf("%s[%ld,%d,\"%s\",%.2f]", first ? "" : ",", i, posted[i], refusal[i], ack_ms[i]);
    else printf("%s[%ld,%d,null,%.2f]", first ? "" : ",", i, posted[i], ack_ms[i]);
    first = 0;
  }
  printf("],\"closed\":%d}\n", closed);
  fflush(stdout);
}

/* One stdin command (see the top); returns 1 on "report". */
static int command(char *cmd, int ep, long *total, double *period, double *t0, long *next, int *going) {
  char a[64], b[1600];
  if (sscanf(cmd, "sender %63s %1599s", a, b) == 2 && senders < MAX_SENDERS) {
    sources[senders] = strdup(a);
    if (asprintf(&hellos[senders], "{\"type\":\"hello\",\"token\":\"%s\",\"viewerId\":\"%s\"}", token, b) < 0) die("asprintf");
    senders++;
  } else if (strncmp(cmd, "line ", 5) == 0 && (cmd[5] == '0' || cmd[5] == '1') && cmd[6] == ' ' && n_lines < MAX_LINES) {
    const char *s = cmd + 7; /* a JSON string: its quotes are dropped, its escapes kept */
    size_t len = strlen(s);
    if (len < 2 || s[0] != '"' || s[len - 1] != '"') return 0;
    lines[n_lines] = strndup(s + 1, len - 2);
    questions[n_lines++] = cmd[5] == '1';
  } else if (strcmp(cmd, "open") == 0) {
    for (int i = 0; i < senders; i++) ws_open(ep, &conns[i], (unsigned)i, host, port, path, sources[i], hellos[i]);
  } else if (sscanf(cmd, "go %ld %lf", total, period) == 2) {
    if (*total < 0 || *total > MAX_MESSAGES || *period <= 0 || senders == 0 || n_lines == 0) {
      fprintf(stderr, "chat-senders: bad go (count ≤ %d, period > 0, after senders and lines)\n", MAX_MESSAGES);
      exit(2);
    }
    *t0 = now_ms();
    *next = 0;
    *going = 1;
  } else if (strcmp(cmd, "report") == 0) return 1;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3 || sscanf(argv[1], "ws://%63[^:]:%d%255s", host, &port, path) != 3 || strlen(argv[2]) >= sizeof token) {
    fprintf(stderr, "usage: chat-senders ws://127.0.0.1:PORT/PATH TOKEN (commands on stdin)\n");
    return 2;
  }
  strcpy(token, argv[2]);
  memset(posted, -1, sizeof posted);
  srand((unsigned)getpid());
  signal(SIGPIPE, SIG_IGN);
  bound_run(getenv("FANOUT_GIVE_UP_S"), 300);
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  struct epoll_event in = {.events = EPOLLIN, .data.u32 = MAX_SENDERS};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &in) < 0) die("epoll_ctl stdin");
  char pending[1 << 16];
  size_t pending_len = 0;
  long total = 0, next = 0;
  double period = 0, t0 = 0;
  int going = 0, ready_sent = 0;
  struct epoll_event evs[256];
  for (;;) {
    if (!ready_sent && senders > 0 && welcomed == senders) {
      printf("{\"ready\":%d}\n", welcomed);
      fflush(stdout);
      ready_sent = 1;
    }
    double now = now_ms();
    if (going) {
      double deadline = t0 + (double)total * period + 10000;
      while (next < total && t0 + (double)next * period <= now && now < deadline) send_message(next++), now = now_ms();
      if (next >= total || now >= deadline) {
        going = 0;
        printf("{\"sent\":%ld}\n", next);
        fflush(stdout);
      }
    }
    /* Polls, as fanout-viewers.c does (a blocking wait costs the relay a wake-up IPI per write), sleeping at most to the next due send. */
    int k = epoll_wait(ep, evs, 256, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) die("epoll_wait");
    if (k == 0) {
      double until = going ? t0 + (double)next * period - now_ms() : 0.5;
      long ns = until <= 0 ? 0 : until >= 0.5 ? 500000 : (long)(until * 1e6);
      struct timespec idle = {.tv_sec = 0, .tv_nsec = ns};
      if (ns > 0) nanosleep(&idle, NULL);
      continue;
    }
    for (int e = 0; e < k; e++) {
      unsigned idx = evs[e].data.u32;
      if (idx != MAX_SENDERS) {
        if (!ws_read(ep, &conns[idx], buf, sizeof buf, on_text)) closed++;
        continue;
      }
      ssize_t r = read(0, pending + pending_len, sizeof pending - pending_len - 1);
      if (r <= 0) return 0; /* the benchmark is gone */
      pending_len += (size_t)r;
      pending[pending_len] = 0;
      char *line = pending, *nl;
      while ((nl = strchr(line, '\n'))) {
        *nl = 0;
        if (command(line, ep, &total, &period, &t0, &next, &going)) {
          report(next);
          return 0;
        }
        line = nl + 1;
      }
      pending_len = strlen(line);
      memmove(pending, line, pending_len);
      if (pending_len >= sizeof pending - 1) pending_len = 0; /* a line that long is not a command */
    }
  }
}
