build-dev/engine/elog_time.o: engine/elog_time.c include/mutu/cal.h \
 include/mutu/base.h include/mutu/dur.h include/mutu/elog.h
include/mutu/cal.h:
include/mutu/base.h:
include/mutu/dur.h:
include/mutu/elog.h:
