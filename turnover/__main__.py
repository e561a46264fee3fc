from turnover.cli import main

raise SystemExit(main())
