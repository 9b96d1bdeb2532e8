namespace DeepClustering.Metrics;

/// <summary>
/// The Hungarian algorithm (Kuhn 1955, Munkres 1957) with row and column potentials (Jonker-Volgenant style shortest
/// augmenting paths), for a rectangular cost matrix with no more rows than columns: the assignment of every row to its
/// own column with the least total cost, the problem scipy's <c>linear_sum_assignment</c> solves. O(n² m) time and
/// O(m) memory beyond the matrix for n rows and m columns, so a few classes against many clusters stay cheap.
/// </summary>
internal static class HungarianAlgorithm
{
    /// <summary>
    /// The column assigned to each row so that Σ cost[r, column[r]] is smallest, each column used at most once.
    /// Integer-valued costs (such as negated counts) stay exact: the potentials are sums and differences of costs.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix has more rows than columns, or holds NaN or infinity.</exception>
    public static int[] Minimize(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int n = cost.GetLength(0);
        int m = cost.GetLength(1);
        if (n > m)
        {
            throw new ArgumentException(
                $"The cost matrix is {n} × {m}; it needs at least as many columns as rows (pass its transpose).", nameof(cost));
        }

        foreach (double c in cost)
        {
            if (!double.IsFinite(c))
            {
                throw new ArgumentException($"The cost matrix holds {c}; costs must be finite.", nameof(cost));
            }
        }

        // 1-based: row 0 and column 0 are the virtual start of each augmenting path.
        var rowPotential = new double[n + 1];
        var columnPotential = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var previousColumn = new int[m + 1];
        var slack = new double[m + 1];
        var visited = new bool[m + 1];
        for (int row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            int column = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Clear(visited);
            do
            {
                visited[column] = true;
                int fromRow = rowOfColumn[column];
                double delta = double.PositiveInfinity;
                int nextColumn = 0;
                for (int j = 1; j <= m; j++)
                {
                    if (visited[j])
                    {
                        continue;
                    }

                    double reduced = cost[fromRow - 1, j - 1] - rowPotential[fromRow] - columnPotential[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previousColumn[j] = column;
                    }

                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        nextColumn = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (visited[j])
                    {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = nextColumn;
            }
            while (rowOfColumn[column] != 0);

            // Flip the augmenting path back to its start.
            do
            {
                int before = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[before];
                column = before;
            }
            while (column != 0);
        }

        var columnOfRow = new int[n];
        for (int j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0)
            {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }

        return columnOfRow;
    }
}
