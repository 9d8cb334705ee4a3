build-dev/engine/cli/cmd_calendar.o: engine/cli/cmd_calendar.c \
 engine/cli/cli.h include/mutu/base.h include/mutu/cal.h \
 include/mutu/dur.h
engine/cli/cli.h:
include/mutu/base.h:
include/mutu/cal.h:
include/mutu/dur.h:
