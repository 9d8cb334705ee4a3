/* cmd_audit.c - placeholder until the 'audit' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_audit(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu audit: not built yet\n");
	return 1;
}
