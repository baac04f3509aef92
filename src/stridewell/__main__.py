from stridewell.cli.app import main

main()
