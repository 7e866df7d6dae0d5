using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Qp.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Qp.Benchmarks.BenchData).Assembly).Run(args);
