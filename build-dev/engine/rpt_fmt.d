build-dev/engine/rpt_fmt.o: engine/rpt_fmt.c include/mutu/rpt.h \
 include/mutu/base.h include/mutu/sla.h include/mutu/cal.h \
 include/mutu/dur.h include/mutu/sop.h
include/mutu/rpt.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
