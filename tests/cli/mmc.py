"""tests/cli/mmc.py - FIFO M/M/c closed forms the planner's tests check mutu
against (imported by test_plan_sl.sh and test_plan_within_theory.sh, which
run from the repository root: sys.path.insert(0, "tests/cli")).

lam: arrivals per hour, mu: services per hour per officer, c officers, t hours.
"""
import math


def erlang_c(c, a):
    """P(wait > 0) at offered load a = lam / mu (a < c), by the Erlang B
    recursion (stable where a**c / c! overflows)."""
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return b / (1 - a / c * (1 - b))


def wait_within(c, lam, mu, t):
    """P(W <= t): W is 0 with probability 1 - C, else Exp(c mu - lam)."""
    return 1 - erlang_c(c, lam / mu) * math.exp(-(c * mu - lam) * t)


def sojourn_within(c, lam, mu, t):
    """P(T <= t), T = S + W: S ~ Exp(mu) and, with probability C, an
    Exp(theta) wait, theta = c mu - lam (theta != mu):
    P(T > t) = (1 - C) e^-mu t + C (mu e^-theta t - theta e^-mu t) / (mu - theta)."""
    C = erlang_c(c, lam / mu)
    th = c * mu - lam
    return 1 - ((1 - C) * math.exp(-mu * t) + C * (mu * math.exp(-th * t) - th * math.exp(-mu * t)) / (mu - th))
