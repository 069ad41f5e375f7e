using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GridCase.Microbenchmarks.InterpreterBenchmarks).Assembly).Run(args);
