build-dev/engine/cli/cmd_model.o: engine/cli/cmd_model.c engine/cli/cli.h \
 include/mutu/base.h include/mutu/cal.h include/mutu/dur.h \
 include/mutu/sop.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
include/mutu/sop.h:
