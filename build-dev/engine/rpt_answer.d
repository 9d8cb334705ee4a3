build-dev/engine/rpt_answer.o: engine/rpt_answer.c include/mutu/rpt.h \
 include/mutu/base.h include/mutu/sla.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sop.h include/mutu/store.h
include/mutu/rpt.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
include/mutu/store.h:
