build-dev/engine/rpt_province.o: engine/rpt_province.c engine/rpt_int.h \
 include/mutu/rpt.h include/mutu/base.h include/mutu/sla.h \
 include/mutu/cal.h include/mutu/dur.h include/mutu/sop.h
engine/rpt_int.h:
include/mutu/rpt.h:
include/mutu/base.h:
include/mutu/sla.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
