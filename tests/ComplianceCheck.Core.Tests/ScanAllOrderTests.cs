using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

public class ScanAllOrderTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 37)]
    [InlineData(3, 101)]
    public void Every_file_comes_back_once_in_input_order_whatever_the_workers_and_batches(int workers, int files)
    {
        string folder = Directory.CreateTempSubdirectory("cc-order-").FullName;
        try
        {
            // Files of very different sizes finish out of order on the workers.
            var inputs = Enumerable.Range(0, files).Select(i =>
            {
                string path = Path.Combine(folder, $"{i:D4}.txt");
                File.WriteAllText(path, string.Concat(Enumerable.Repeat($"第{i}段：本产品稳赚不赔。\n", i % 7 == 0 ? 400 : 1)));
                return new ScanInput(path, Explicit: true);
            }).ToList();
            var scanner = new Scanner(new ScanSettings { Engine = new RuleEngine(RuleSet.Load()), Parallelism = workers });

            var paths = scanner.ScanAll(inputs).Select(r => r.Path).ToList();

            paths.ShouldBe(inputs.Select(i => i.Path).ToList());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
