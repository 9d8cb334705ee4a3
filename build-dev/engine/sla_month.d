build-dev/engine/sla_month.o: engine/sla_month.c include/mutu/sla.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h engine/sla_int.h include/mutu/store.h \
 build-dev/gen/code_hash.h
include/mutu/sla.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
engine/sla_int.h:
include/mutu/store.h:
build-dev/gen/code_hash.h:
