/* cmd_db.c - placeholder until the 'db' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_db(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu db: not built yet\n");
	return 1;
}
