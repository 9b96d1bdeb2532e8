namespace DeepClustering.Metrics;

/// <summary>
/// The Hungarian algorithm (Kuhn 1955, Munkres 1957) in its O(n³) form with row and column potentials
/// (Jonker-Volgenant style shortest augmenting paths): the one-to-one assignment of rows to columns of a
/// square cost matrix with the least total cost, the problem scipy's <c>linear_sum_assignment</c> solves.
/// </summary>
internal static class HungarianAlgorithm
{
    /// <summary>
    /// The column assigned to each row so that Σ cost[r, column[r]] is smallest. Integer-valued costs (such as
    /// negated counts) stay exact: the potentials are sums and differences of costs.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, or holds NaN or infinity.</exception>
    public static int[] Minimize(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int n = cost.GetLength(0);
        if (cost.GetLength(1) != n)
        {
            throw new ArgumentException($"The cost matrix is {n} × {cost.GetLength(1)}; it must be square.", nameof(cost));
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
        var columnPotential = new double[n + 1];
        var rowOfColumn = new int[n + 1];
        var previousColumn = new int[n + 1];
        var slack = new double[n + 1];
        var visited = new bool[n + 1];
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
                for (int j = 1; j <= n; j++)
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

                for (int j = 0; j <= n; j++)
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
        for (int j = 1; j <= n; j++)
        {
            columnOfRow[rowOfColumn[j] - 1] = j - 1;
        }

        return columnOfRow;
    }
}
