/*
 * Load process for bench:cue-fanout, in C: the same protocol as fanout-viewers.ts, at about half
 * its CPU per message. On a 2-core machine the load process shares the cores with the relay, and
 * the Node one's own reading (about 5 µs of CPU per message) becomes most of what it measures.
 *
 * Holds N viewers on the relay's viewer channel (loopback only; the WebSocket side is ws-client.h),
 * and for every stage message records now − captureMs (CLOCK_MONOTONIC in ms, the
 * clock the firing process stamps with through process.hrtime).
 * stdout: {"ready":N} once all are welcomed; on "report" on stdin, {"byCue":{"<captureMs>":[…]}}.
 * For bench:chat-fanout it also counts chat messages whose text starts with a stamp "#c<seq> t<µs>"
 * (seq: the benchmark's number for the message; µs: CLOCK_MONOTONIC at its send): how many times
 * each seq arrived and a histogram of their latencies in 0.1 ms buckets, reported as
 * "chat":{"counts":[[seq,n],…],"maxes":[[seq,sent ms,slowest ms],…],"hist":[[bucket,n],…]} beside
 * "closed" (sockets the relay closed); "maxes" tells which messages made the tail.
 * Bounded: at most 20,000 viewers, 200 handshakes in flight, gives up after 120 s (FANOUT_GIVE_UP_S: up to 7,200, for bench:replay, which holds its viewers while clips are cut).
 *
 * It polls (epoll_wait without blocking, then a 0.5 ms sleep when nothing is ready) instead of
 * sleeping in epoll_wait: asleep there, it is woken by the kernel inside each of the relay's
 * socket writes, an IPI to the other core that took a third of the write's CPU in a profile — a
 * cost a relay whose viewers are on other machines never pays. The polling adds at most ~0.6 ms
 * to each measured latency. FANOUT_WAKE=1 in the environment restores the blocking wait.
 *
 * Build: cc -O2 -o fanout-viewers fanout-viewers.c   Run: fanout-viewers ws://127.0.0.1:PORT/ws/watch TOKEN N
 */
#define _GNU_SOURCE
#include <signal.h>

#define GENERATOR "fanout-viewers"
#include "ws-client.h"

#define MAX_VIEWERS 20000
#define IN_FLIGHT 200
#define MAX_SAMPLES 4000000
#define MAX_CHAT 100000     /* stamped chat messages a run may send */
#define CHAT_BUCKETS 600000 /* 0.1 ms each: latencies up to 60 s; later ones land in the last */

static struct conn conns[MAX_VIEWERS];
static double sent_at[MAX_SAMPLES], latency[MAX_SAMPLES];
static long samples;
static unsigned short chat_count[MAX_CHAT];
static float chat_max[MAX_CHAT]; /* per message: its slowest arrival (ms) */
static double chat_sent[MAX_CHAT]; /* per message: its send stamp (ms) */
static unsigned chat_hist[CHAT_BUCKETS];
static long chat_samples;
static int closed;
static int welcomed, opened, count;
static char host[64], path[256], hello[2048];
static int port;
static unsigned char buf[1 << 18];

/*
 * The receivers parse a million chat frames a second in bench:chat-fanout, on the relay's cores:
 * the stamp is found with memchr (the text's '#' is the frame's first) and read digit by digit,
 * not with memmem and strtod, which took a fifth of this process's time in a profile.
 */
static const unsigned char *stamp_of(const unsigned char *p, size_t n) {
  const unsigned char *h = memchr(p, '#', n);
  if (h && h - p >= 8 && h + 1 < p + n && h[1] == 'c' && memcmp(h - 8, "\"text\":\"", 8) == 0) return h + 2;
  const unsigned char *k = memmem(p, n, "\"text\":\"#c", 10); /* a '#' earlier in the frame */
  return k ? k + 10 : NULL;
}

/* A run of decimal digits at *q (moved past it), or -1 when there is none or it is too long. */
static long long digits(const unsigned char **q, const unsigned char *e) {
  long long v = 0;
  const unsigned char *s = *q;
  while (*q < e && **q >= '0' && **q <= '9' && *q - s < 18) v = v * 10 + (*(*q)++ - '0');
  return *q == s ? -1 : v;
}

static void on_text(struct conn *c, const unsigned char *p, size_t n, double at) {
  /* '{"type":"s…' / '{"type":"w…': one byte tells the message apart, as in the Node version. */
  if (n > 10 && p[9] == 's' && p[10] == 't') {
    const char *k = memmem(p, n < 120 ? n : 120, "\"captureMs\":", 12);
    if (!k || samples >= MAX_SAMPLES) return;
    char num[40];
    size_t len = 0;
    for (const char *q = k + 12; q < (const char *)p + n && len < sizeof num - 1 && (*q == '.' || (*q >= '0' && *q <= '9')); q++) num[len++] = *q;
    num[len] = 0;
    if (len == 0) return;
    sent_at[samples] = strtod(num, NULL);
    latency[samples] = at - sent_at[samples];
    samples++;
  } else if (n > 14 && memcmp(p + 9, "chat\"", 5) == 0) {
    /* '{"type":"chat","message":{…"text":"#c<seq> t<µs> …' (chatAck, chatHistory, chatState differ at p[13]) */
    const unsigned char *k = stamp_of(p, n < 400 ? n : 400);
    if (!k) return;
    const unsigned char *q = k, *e = p + n;
    long seq = digits(&q, e);
    if (seq < 0 || seq >= MAX_CHAT || q + 2 > e || q[0] != ' ' || q[1] != 't') return;
    q += 2;
    long long us = digits(&q, e);
    if (us < 0) return;
    double sent_us = (double)us;
    long b = (long)((at - sent_us / 1000.0) * 10.0);
    if (b < 0) b = 0;
    if (b >= CHAT_BUCKETS) b = CHAT_BUCKETS - 1;
    if (chat_count[seq] < 65535) chat_count[seq]++;
    float lat = (float)(at - sent_us / 1000.0);
    if (lat > chat_max[seq]) chat_max[seq] = lat;
    chat_sent[seq] = sent_us / 1000.0;
    chat_hist[b]++;
    chat_samples++;
  } else if (n > 9 && p[9] == 'w' && !c->welcomed) {
    c->welcomed = 1;
    welcomed++;
  }
}

static int cmp_sample(const void *a, const void *b) {
  double x = sent_at[*(const long *)a], y = sent_at[*(const long *)b];
  return x < y ? -1 : x > y;
}

static void report(void) {
  long *order = malloc(sizeof(long) * (size_t)(samples + 1));
  if (!order) die("malloc");
  for (long i = 0; i < samples; i++) order[i] = i;
  qsort(order, (size_t)samples, sizeof(long), cmp_sample);
  printf("{\"byCue\":{");
  for (long i = 0; i < samples; i++) {
    int first = i == 0 || sent_at[order[i]] != sent_at[order[i - 1]];
    if (first) printf("%s\"%.17g\":[", i ? "]," : "", sent_at[order[i]]);
    printf("%s%.2f", first ? "" : ",", latency[order[i]]);
  }
  printf("%s}", samples ? "]" : "");
  if (chat_samples) {
    int first = 1;
    printf(",\"chat\":{\"counts\":[");
    for (long i = 0; i < MAX_CHAT; i++)
      if (chat_count[i]) printf("%s[%ld,%u]", first ? "" : ",", i, chat_count[i]), first = 0;
    first = 1;
    printf("],\"maxes\":[");
    first = 1;
    for (long i = 0; i < MAX_CHAT; i++)
      if (chat_count[i]) printf("%s[%ld,%.3f,%.2f]", first ? "" : ",", i, chat_sent[i], chat_max[i]), first = 0;
    first = 1;
    printf("],\"hist\":[");
    for (long i = 0; i < CHAT_BUCKETS; i++)
      if (chat_hist[i]) printf("%s[%ld,%u]", first ? "" : ",", i, chat_hist[i]), first = 0;
    printf("]}");
  }
  printf(",\"closed\":%d}\n", closed);
  fflush(stdout);
}

int main(int argc, char **argv) {
  if (argc != 4 || sscanf(argv[1], "ws://%63[^:]:%d%255s", host, &port, path) != 3) {
    fprintf(stderr, "usage: fanout-viewers ws://127.0.0.1:PORT/PATH TOKEN COUNT (≤ %d)\n", MAX_VIEWERS);
    return 2;
  }
  count = atoi(argv[3]);
  if (count < 1 || count > MAX_VIEWERS || strlen(argv[2]) > 1500) return 2;
  snprintf(hello, sizeof hello, "{\"type\":\"hello\",\"token\":\"%s\"}", argv[2]);
  srand((unsigned)getpid());
  signal(SIGPIPE, SIG_IGN);
  bound_run(getenv("FANOUT_GIVE_UP_S"), 120);
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  struct epoll_event in = {.events = EPOLLIN, .data.u32 = MAX_VIEWERS};
  int ready_sent = 0;
  const int wake = getenv("FANOUT_WAKE") && strcmp(getenv("FANOUT_WAKE"), "1") == 0;
  const struct timespec idle = {.tv_sec = 0, .tv_nsec = 500 * 1000};
  struct epoll_event evs[1024];
  for (;;) {
    for (; opened < count && opened - welcomed < IN_FLIGHT; opened++) ws_open(ep, &conns[opened], (unsigned)opened, host, port, path, NULL, hello);
    if (!ready_sent && welcomed == count) {
      printf("{\"ready\":%d}\n", welcomed);
      fflush(stdout);
      ready_sent = 1;
      if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &in) < 0) die("epoll_ctl stdin");
    }
    int k = epoll_wait(ep, evs, 1024, wake ? -1 : 0);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) die("epoll_wait");
    if (k == 0) {
      nanosleep(&idle, NULL);
      continue;
    }
    for (int e = 0; e < k; e++) {
      unsigned idx = evs[e].data.u32;
      if (idx == MAX_VIEWERS) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r > 0 && memmem(buf, (size_t)r, "report", 6)) {
          report();
          return 0;
        }
        if (r == 0) return 0;
        continue;
      }
      if (!ws_read(ep, &conns[idx], buf, sizeof buf, on_text)) closed++;
    }
  }
}
