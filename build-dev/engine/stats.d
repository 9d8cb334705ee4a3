build-dev/engine/stats.o: engine/stats.c include/mutu/stats.h \
 engine/stats_int.h include/mutu/base.h
include/mutu/stats.h:
engine/stats_int.h:
include/mutu/base.h:
