build-dev/engine/sla_measure.o: engine/sla_measure.c engine/sla_int.h \
 include/mutu/base.h include/mutu/sla.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sop.h
engine/sla_int.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
