// What the Agents screen shows, kept while the user visits other screens (as the Library keeps
// its filters): the tab, the table's filter and sort, and the agent whose page is open, so
// Back from a call page finds the agent page again.
import { firstDirectionDesc, type AgentSort } from './agents';

export type AgentsTab = 'agents' | 'disputes';

class AgentsScreen {
  tab = $state<AgentsTab>('agents');
  filter = $state('');
  sortBy = $state<AgentSort>('name');
  sortDesc = $state(false);
  /** The agent whose page is open, or null for the list. */
  agentId = $state<number | null>(null);

  /** A click on a column header: the same column flips the order, a new one starts its own way. */
  toggleSort(sort: AgentSort): void {
    if (this.sortBy === sort) {
      this.sortDesc = !this.sortDesc;
    } else {
      this.sortBy = sort;
      this.sortDesc = firstDirectionDesc(sort);
    }
  }

  showAgent(agentId: number): void {
    this.agentId = agentId;
  }

  showList(tab: AgentsTab = this.tab): void {
    this.agentId = null;
    this.tab = tab;
  }
}

export const agentsScreen = new AgentsScreen();
