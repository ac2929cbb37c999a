/* Times libsodium's crypto_scalarmult_ristretto255_base (secret-scalar base multiplication, output
 * encoded) for compare-libsodium-basemul.sh. Prototypes are declared here so no -dev package is needed.
 * Prints one line per round: "<wall us per op> <thread CPU us per op>". */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int sodium_init(void);
void randombytes_buf(void *buf, size_t size);
void crypto_core_ristretto255_scalar_random(unsigned char *r);
int crypto_scalarmult_ristretto255_base(unsigned char *q, const unsigned char *n);

static double now_us(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    int iterations = argc > 1 ? atoi(argv[1]) : 20000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    unsigned char n[32], q[32];
    unsigned char sink = 0;
    if (sodium_init() < 0) {
        return 1;
    }
    crypto_core_ristretto255_scalar_random(n);
    for (int i = 0; i < iterations / 10; i++) {
        crypto_scalarmult_ristretto255_base(q, n);
    }
    for (int r = 0; r < rounds; r++) {
        double wall = now_us(CLOCK_MONOTONIC);
        double cpu = now_us(CLOCK_THREAD_CPUTIME_ID);
        for (int i = 0; i < iterations; i++) {
            n[0] ^= q[0];
            crypto_scalarmult_ristretto255_base(q, n);
            sink ^= q[1];
        }
        printf("%.3f %.3f\n", (now_us(CLOCK_MONOTONIC) - wall) / iterations,
               (now_us(CLOCK_THREAD_CPUTIME_ID) - cpu) / iterations);
    }
    return sink == 255 ? 2 : 0;
}
