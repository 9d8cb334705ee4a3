#!/usr/bin/env python3
"""simpy_mmc.py - the M/M/c peer for bench_sim: the same model mutu's
bench runs (Poisson arrivals at rate LAMBDA, c servers, exponential
service at rate MU, FIFO), written for the SimPy 2 API that Debian's
python3-simpy 2.3 ships (SimPy.Simulation: Process, Resource, yield hold /
request / release).  Prints one line of key=value pairs:
customers, events (arrivals + service ends, counted like mutu's), wall
seconds, customers_per_s, mean wait (to check both simulate the same
system against Erlang C).

usage: simpy_mmc.py C LAMBDA MU HORIZON SEED
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate


class Stats:
    customers = 0
    wait_sum = 0.0


class Customer(Process):
    def visit(self, server, mu, rng, stats):
        arrive = now()
        yield request, self, server
        stats.wait_sum += now() - arrive
        yield hold, self, rng.expovariate(mu)
        yield release, self, server
        stats.customers += 1


class Source(Process):
    def generate(self, server, lam, mu, rng, stats):
        while True:
            yield hold, self, rng.expovariate(lam)
            c = Customer()
            activate(c, c.visit(server, mu, rng, stats))


def main():
    c, lam, mu, horizon, seed = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), \
        float(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    stats = Stats()
    t0 = time.perf_counter()
    initialize()
    server = Resource(capacity=c, name="server", unitName="clerk", monitored=False)
    src = Source()
    activate(src, src.generate(server, lam, mu, rng, stats))
    simulate(until=horizon)
    wall = time.perf_counter() - t0
    n = stats.customers
    print("customers=%d events=%d wall=%.4f customers_per_s=%.1f wait_mean=%.5f"
          % (n, 2 * n, wall, n / wall, stats.wait_sum / max(n, 1)))


if __name__ == "__main__":
    main()
