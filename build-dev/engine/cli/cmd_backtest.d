build-dev/engine/cli/cmd_backtest.o: engine/cli/cmd_backtest.c \
 engine/cli/cli.h include/mutu/base.h include/mutu/bt.h \
 include/mutu/sim.h include/mutu/stats.h include/mutu/store.h \
 include/mutu/elog.h include/mutu/rpt.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/bt.h:
include/mutu/sim.h:
include/mutu/stats.h:
include/mutu/store.h:
include/mutu/elog.h:
include/mutu/rpt.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
