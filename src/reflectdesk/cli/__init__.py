"""``reflectdesk-cli``: the command-line front-end over the services."""
