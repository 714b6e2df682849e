from lzip_cli.cli import main

main()
