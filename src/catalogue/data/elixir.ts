/** Elixir and Erlang packages from hex.pm, as mix.exs names them. */
import type { Technology } from '../types.js';

export const elixir: Technology[] = [
  { id: 'phoenix', name: 'Phoenix', category: 'backend-framework', match: { hex: ['phoenix'] }, url: 'https://www.phoenixframework.org' },
  // server-rendered pages kept live over a WebSocket: the browser runs no app of its own
  { id: 'phoenix-live-view', name: 'Phoenix LiveView', category: 'realtime', match: { hex: ['phoenix_live_view'] } },
  { id: 'plug', name: 'Plug', category: 'web-server', match: { hex: ['plug'] } },
  { id: 'cowboy', name: 'Cowboy', category: 'web-server', match: { hex: ['cowboy', 'plug_cowboy'] } },
  { id: 'bandit-http', name: 'Bandit', category: 'web-server', match: { hex: ['bandit'] } },
  { id: 'ecto', name: 'Ecto', category: 'orm', match: { hex: ['ecto', 'ecto_sql'] }, url: 'https://hexdocs.pm/ecto' },
  { id: 'oban', name: 'Oban', category: 'messaging', match: { hex: ['oban', 'oban_pro', 'oban_web'] }, url: 'https://getoban.pro' },
  { id: 'broadway', name: 'Broadway', category: 'data-processing', match: { hex: ['broadway'] } },
  { id: 'quantum', name: 'Quantum', category: 'scheduler', match: { hex: ['quantum'] } },
  { id: 'finch', name: 'Finch', category: 'http-client', match: { hex: ['finch'] } },
  { id: 'req', name: 'Req', category: 'http-client', match: { hex: ['req'] } },
  { id: 'httpoison', name: 'HTTPoison', category: 'http-client', match: { hex: ['httpoison'] } },
  { id: 'tesla-http', name: 'Tesla', category: 'http-client', match: { hex: ['tesla'] } },
  { id: 'swoosh', name: 'Swoosh', category: 'email', match: { hex: ['swoosh'] } },
  { id: 'bamboo', name: 'Bamboo', category: 'email', match: { hex: ['bamboo'] } },
  { id: 'guardian', name: 'Guardian', category: 'auth', match: { hex: ['guardian'] } },
  { id: 'ueberauth', name: 'Ueberauth', category: 'auth', match: { hex: ['ueberauth'] } },
  { id: 'pow', name: 'Pow', category: 'auth', match: { hex: ['pow'] } },
  { id: 'elixir-nx', name: 'Nx', category: 'ai', match: { hex: ['nx', 'axon', 'bumblebee', 'exla'] } },
  { id: 'credo', name: 'Credo', category: 'linter', match: { hex: ['credo'] } },
  { id: 'dialyxir', name: 'Dialyxir', category: 'linter', match: { hex: ['dialyxir'] } },
  { id: 'ex-doc', name: 'ExDoc', category: 'documentation', match: { hex: ['ex_doc'] } },
  { id: 'exunit-mox', name: 'Mox', category: 'testing', match: { hex: ['mox'] } },
  { id: 'excoveralls', name: 'ExCoveralls', category: 'testing', match: { hex: ['excoveralls'] } },
  { id: 'mix', name: 'Mix', category: 'build-tool', match: { file: ['mix.exs'] } },
  { id: 'hex', name: 'Hex', category: 'package-manager', match: { file: ['mix.lock'] } },
];
