build-dev/engine/sla_store.o: engine/sla_store.c include/mutu/sla.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h include/mutu/elog.h include/mutu/store.h
include/mutu/sla.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/elog.h:
include/mutu/store.h:
