import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSource } from './read-fixture.js';
import { readmeReader, cutSummary } from '../../src/detect/source/readme.js';

test('README: title without badges, first real paragraph, features list', () => {
  const { intro } = readSource('source-readme', 'README.md');
  assert.equal(intro?.title, 'Ledgerline');
  assert.equal(intro?.titleLine, 5);
  assert.equal(intro?.summaryLine, 11, 'badge and link-bar paragraphs are skipped');
  assert.match(intro?.summary ?? '', /^Ledgerline is a double-entry bookkeeping service for SaaS products: /);
  assert.ok(!intro?.summary?.includes('**') && !intro?.summary?.includes('](https'), 'markdown formatting stripped');
  assert.deepEqual(intro?.features, [
    { text: 'Balanced by construction — every write is a journal entry', line: 15 },
    { text: 'Multi-currency accounts with daily FX snapshots', line: 16 },
    { text: 'Webhooks for entry.created and payout.reconciled', line: 18 },
  ]);
});

test('README with only a title and badges gives no summary', () => {
  const { intro } = readSource('source-readme', 'services/billing/README.md');
  assert.equal(intro?.title, 'billing');
  assert.equal(intro?.summary, undefined);
  assert.equal(intro?.features, undefined);
});

test('reStructuredText README: title, paragraph after substitutions, features', () => {
  const { intro } = readSource('source-readme', 'services/billing/README.rst');
  assert.equal(intro?.title, 'Billing');
  assert.equal(intro?.summary, 'Billing computes invoices from usage events and sends them to customers every month.');
  assert.equal(intro?.summaryLine, 10);
  assert.deepEqual(intro?.features?.map((f) => f.text), ['Proration for mid-cycle plan changes', 'PDF invoices']);
});

test('installation prose under a later heading is not a summary', () => {
  const facts = readmeReader.read('README.md', '# tool\n\n## Installation\n\nRun npm install tool and then start the server with npx tool.\n');
  assert.equal(facts.intro?.summary, undefined);
});

test('a centered HTML header supplies the title and tagline', () => {
  const md = '<h1 align="center">Quarry</h1>\n<p align="center">A columnar query engine for object storage, written in Rust.</p>\n\n## Usage\n\ntext\n';
  const { intro } = readmeReader.read('README.md', md);
  assert.equal(intro?.title, 'Quarry');
  assert.equal(intro?.summary, 'A columnar query engine for object storage, written in Rust.');
});

test('long summaries are cut at a sentence end within 300 characters', () => {
  const sentence = 'This sentence is exactly about sixty characters long, roughly. ';
  const cut = cutSummary(sentence.repeat(8).trim());
  assert.ok(cut.length <= 300);
  assert.ok(cut.endsWith('roughly.'));
});

test('notes and link bars are not descriptions', () => {
  const md = '# x\n\n> **Note**: this project moved to another organisation last year.\n\n[Docs](a) | [API](b) | [Blog](c)\n';
  assert.equal(readmeReader.read('README.md', md).intro?.summary, undefined);
});

test('a long README is read from its head; a features section far below still counts, at its real line', () => {
  const filler = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of background material that goes on.`).join('\n\n');
  const md = `# Big\n\nBig is a tool for reading very long documents quickly.\n\n## Background\n\n${filler}\n\n## Features\n\n- Fast\n- Small\n`;
  const intro = readmeReader.read('README.md', md).intro;
  assert.equal(intro?.title, 'Big');
  assert.equal(intro?.summary, 'Big is a tool for reading very long documents quickly.');
  const featuresLine = md.split('\n').indexOf('- Fast') + 1;
  assert.deepEqual(intro?.features, [
    { text: 'Fast', line: featuresLine },
    { text: 'Small', line: featuresLine + 1 },
  ]);
});

test('a sentence set as a subheading under the title is the tagline; a later section heading is not', () => {
  const md = '# pods\n### A privacy-aware, distributed, open source social network\n\n[Site](https://x) | [Wiki](https://y) | [Chat](https://z)\n\n## Installation\n\nRun the installer and then start the server with the command below.\n';
  const { intro } = readmeReader.read('README.md', md);
  assert.equal(intro?.summary, 'A privacy-aware, distributed, open source social network');
  assert.equal(intro?.summaryLine, 2);
});

test("a sponsor's banner is not the purpose; a Vision section is", () => {
  const md = '<div align="center">\n  Deploy on CloudCo and <a href="https://x">get $200 in free credits</a>!\n</div>\n\n## 🔮 Vision\n\nThe project aims to build a simple, stable and extensible self-hosted Git service.\n';
  const { intro } = readmeReader.read('README.md', md);
  assert.equal(intro?.summary, 'The project aims to build a simple, stable and extensible self-hosted Git service.');
  assert.equal(intro?.title, undefined, 'a Vision section opening the README is no title');
});

test('a README that opens on a second-level heading takes it as the title, unless it names a section', () => {
  const titled = '## Serverless Airline Booking\n\nServerless Airline Booking is a web application for flight search, payment and booking.\n\n## Stack\n\n- Vue\n';
  const a = readmeReader.read('README.md', titled).intro;
  assert.equal(a?.title, 'Serverless Airline Booking');
  assert.equal(a?.summary, 'Serverless Airline Booking is a web application for flight search, payment and booking.');
  const section = '## Architecture\n\nThe web tier calls the API, which writes to Postgres and publishes events.\n';
  assert.equal(readmeReader.read('README.md', section).intro?.title, undefined);
});

test('a Welcome section under a title and badges describes the project', () => {
  const md = '# Astronomy Shop\n\n[![CI](https://x/badge.svg)](https://x)\n\n## Welcome to the Astronomy Shop Demo\n\nThis repository contains a microservice-based distributed system that shows tracing in a near real-world setting.\n\n## Quick start\n\nRun make start to bring the whole system up on your machine.\n';
  assert.equal(readmeReader.read('README.md', md).intro?.summary, 'This repository contains a microservice-based distributed system that shows tracing in a near real-world setting.');
});

test('a notice set as the first heading and an "About" heading are not the project’s name', () => {
  const md = '# 🚨 Notice: Dispatch is Being Archived 🚨\n\nThis repository will be archived on September 1.\n\n# About\n\n### What\'s Dispatch?\n\nDispatch helps teams manage security incidents by integrating with the tools they already use.\n';
  const { intro } = readmeReader.read('README.md', md);
  assert.equal(intro?.title, undefined);
  assert.equal(intro?.summary, 'Dispatch helps teams manage security incidents by integrating with the tools they already use.');
});

test('scaffolding boilerplate and a notice that the project moved are not descriptions', () => {
  const angular = '# ShopUi\n\nThis project was generated with [Angular CLI](https://github.com/angular/angular-cli) version 10.1.5.\n';
  assert.equal(readmeReader.read('README.md', angular).intro?.summary, undefined);
  const vite = '# React + TypeScript + Vite\n\nThis template provides a minimal setup to get React working in Vite with HMR and some ESLint rules.\n';
  assert.equal(readmeReader.read('README.md', vite).intro?.summary, undefined);
  const moved = '# eShopOnWeb\n\n> The eShop sample applications have been updated and moved to https://github.com/dotnet/eShop.\n\nSample ASP.NET Core reference application demonstrating a single-process application architecture.\n';
  assert.equal(readmeReader.read('README.md', moved).intro?.summary, 'Sample ASP.NET Core reference application demonstrating a single-process application architecture.');
});

test('a third-level heading that opens the README is its title; "Contributing new features" is no features section', () => {
  const text = '### Lobsters Rails Project [![build](https://x/badge.svg)](https://x)\n\nLobsters is a Rails codebase and uses a SQL backend for the database.\n\n#### Contributing bugfixes and new features\n\n- We started with Rails 3.2.2 in 2012.\n- We are willing to take downtime.\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.equal(intro?.title, 'Lobsters Rails Project');
  assert.match(intro?.summary ?? '', /^Lobsters is a Rails codebase/);
  assert.equal(intro?.features, undefined);
});

test('Chinese prose describes the project; a localised preface heading is an About section', () => {
  const text = '# mall\n\n<p><a href="#x"><img src="b.svg"></a></p>\n\n## 友情提示\n\n> 1. **快速体验项目**：[在线访问地址](https://x) 。\n\n## 前言\n\n`mall`项目致力于打造一个完整的电商系统，采用现阶段主流技术实现。\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.equal(intro?.summary, 'mall项目致力于打造一个完整的电商系统，采用现阶段主流技术实现。');
});

test('"X provides:" and a list in the opening part are the features', () => {
  const text = '# Cobra\n\nCobra is a library for creating powerful modern CLI applications.\n\nCobra provides:\n\n* Easy subcommand-based CLIs\n* Fully POSIX-compliant flags\n* Nested subcommands\n\n# Installation\n\nRun the following:\n\n- go get it\n- import it\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.deepEqual(intro?.features?.map((f) => f.text), ['Easy subcommand-based CLIs', 'Fully POSIX-compliant flags', 'Nested subcommands']);
  assert.equal(intro?.features?.[0].line, 7);
});

test('a merchandise banner, a lone link and a pointer to the docs are not the purpose', () => {
  const merch = '<kbd align="center">\n  <a href="https://shop.example"><img src="mugs.jpg"></a>\n  Show your love for finder -- T-shirts, mugs, and stickers now available!\n</kbd>\n\n---\n\nfinder is a general-purpose command-line fuzzy finder and an interactive terminal toolkit.\n';
  assert.equal(readmeReader.read('README.md', merch).intro?.summary, 'finder is a general-purpose command-line fuzzy finder and an interactive terminal toolkit.');
  const link = 'Microservice Kafka Sample\n==================\n\n[Deutsche Anleitung zum Starten des Beispiels](WIE-LAUFEN.md)\n\nThis is a sample to show how Kafka can be used for the communication\nbetween microservices.\n';
  assert.equal(readmeReader.read('README.md', link).intro?.summary, 'This is a sample to show how Kafka can be used for the communication between microservices.');
  const pointer = '# Hopper\n\n_We highly recommend you take a look at the [**Hopper Documentation**](https://docs.example) to learn more about the app._\n\nHopper is an open source API development ecosystem for teams.\n';
  assert.equal(readmeReader.read('README.md', pointer).intro?.summary, 'Hopper is an open source API development ecosystem for teams.');
});

test('a status line and a greeting are not the purpose; sentences before a lead-in to a list are', () => {
  const status = '# Shop\n\nStatus: Work-in-progress. Please create issues or pull requests if you have ideas.\n\nShop is a sample implementation of a serverless backend for an e-commerce website.\n';
  assert.equal(readmeReader.read('README.md', status).intro?.summary, 'Shop is a sample implementation of a serverless backend for an e-commerce website.');
  const thanks = '# Estate\n\nThank you for your interest! We are glad you are here.\n\nA reference architecture for building composable frontends and cloud-native applications.\n';
  assert.equal(readmeReader.read('README.md', thanks).intro?.summary, 'A reference architecture for building composable frontends and cloud-native applications.');
  const leadIn = '# FoodAdvisor\n\nWelcome to FoodAdvisor, the official Strapi demo application. This repository contains the following:\n\n- a Strapi project\n- a Next.js client\n';
  assert.equal(readmeReader.read('README.md', leadIn).intro?.summary, 'Welcome to FoodAdvisor, the official Strapi demo application.');
});

test('a section heading is no title, and a list after "reasons for ...:" is no features list', () => {
  const motivation = '<p align="center"><img src="logo.png"></p>\n\n### Motivation :star:\n\nSetting up a full stack project takes a lot of time, so this starter kit does it for you.\n';
  assert.equal(readmeReader.read('README.md', motivation).intro?.title, undefined);
  const reasons = '# My Meetings\n\nA modular monolith that manages meeting groups, written with domain-driven design.\n\n## 2.1 Description\n\nMain reasons for selecting this domain:\n\n- It is common, a lot of people use the Meetup site\n- It is not too complex\n';
  assert.equal(readmeReader.read('README.md', reasons).intro?.features, undefined);
  const provides = '# Cobra\n\nCobra is a library for creating powerful modern CLI applications.\n\nCobra provides:\n\n- Easy subcommand-based CLIs\n- Fully POSIX-compliant flags\n';
  assert.equal(readmeReader.read('README.md', provides).intro?.features?.length, 2);
});

test('"Supported Features & Best-Practices" opens the features list', () => {
  const md = '# Requests\n\nRequests is an elegant and simple HTTP library for Python, built for human beings.\n\n## Supported Features & Best–Practices\n\n- Keep-Alive & Connection Pooling\n- International Domains and URLs\n- Sessions with Cookie Persistence\n';
  assert.deepEqual(readmeReader.read('README.md', md).intro?.features?.map((f) => f.text), ['Keep-Alive & Connection Pooling', 'International Domains and URLs', 'Sessions with Cookie Persistence']);
});

test('README.adoc: the AsciiDoc title, first paragraph with its links as text, and a features list', () => {
  const text = [
    '= FTGO example application',
    ':toc:',
    '',
    'This is the example code for my book https://microservices.io/book[Microservice patterns].',
    '',
    'image::http://microservices.io/i/cover.png[width=50%]',
    '',
    '== Features',
    '',
    '* link:./ftgo-consumer-service[Consumer Service] - manages consumers',
    '* Orders are placed through a saga',
    '',
    '[source,bash]',
    '----',
    './gradlew assemble',
    '----',
    '',
  ].join('\n');
  const { intro } = readmeReader.read('README.adoc', text);
  assert.equal(intro?.title, 'FTGO example application');
  assert.equal(intro?.titleLine, 1);
  assert.equal(intro?.summary, 'This is the example code for my book Microservice patterns.');
  assert.equal(intro?.summaryLine, 4);
  assert.deepEqual(intro?.features?.map((f) => f.text), ['Consumer Service - manages consumers', 'Orders are placed through a saga']);
});

test('README: a top heading that is only a logo leaves the paragraph under it the opening one', () => {
  const text = '<div align="center"><a href="https://ci"><img src="https://img.shields.io/ci.svg" /></a></div>\n\n# <img height="50px" src="./screenshots/logo.png" />\n\nKarakeep (previously Hoarder) is a self-hostable bookmark-everything app.\n\n## Features\n\n- Bookmark links\n- Full text search\n\n## About the name\n\nThe name Karakeep is inspired by an Arabic word.\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.equal(intro?.summary, 'Karakeep (previously Hoarder) is a self-hostable bookmark-everything app.');
  assert.equal(intro?.summaryLine, 5);
});

test('README: "X is a Y that includes:" and a list is the purpose, with the list as its features', () => {
  const text = '<p align="center"><img src="logo.svg"></p>\n\n[PocketBase](https://pocketbase.io) is an open source Go backend that includes:\n\n- embedded database (_SQLite_) with **realtime subscriptions**\n- built-in **files and users management**\n- convenient **Admin dashboard UI**\n\n**For documentation and examples, please visit https://pocketbase.io/docs.**\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.equal(intro?.summary, 'PocketBase is an open source Go backend that includes: embedded database (SQLite) with realtime subscriptions, built-in files and users management, convenient Admin dashboard UI.');
  assert.equal(intro?.summaryLine, 3);
  assert.deepEqual(intro?.features?.map((f) => f.text), ['embedded database (SQLite) with realtime subscriptions', 'built-in files and users management', 'convenient Admin dashboard UI']);
});

test('README: a list of the benefits of a design choice is no features list', () => {
  const text = '# Saleor\n\nSaleor is a headless commerce platform.\n\n## Why API-only Architecture?\n\nCompared to traditional plugin architectures (monoliths) it provides the following benefits:\n\n- There is less downtime as apps are deployed independently.\n- Scalability - extensions and apps can be scaled independently.\n';
  const { intro } = readmeReader.read('README.md', text);
  assert.equal(intro?.summary, 'Saleor is a headless commerce platform.');
  assert.equal(intro?.features, undefined);
});

test('README: an HTML title with a line break is the name, then a tagline', () => {
  const text = '<p align="center"><img src="logo.png"></p>\n<h1 align="center">Kimai<br>#1 Open-Source Time-Tracker</h1>\n\nKimai is a free and open source timetracker.\n';
  assert.equal(readmeReader.read('README.md', text).intro?.title, 'Kimai');
});

test('README: a figure caption or an image credit in small print is not the purpose; a tagline heading under an HTML title is', () => {
  const centered = [
    '<div align="center">',
    '  <h1>tRPC</h1>',
    '  <h3>Move fast and break nothing.<br />End-to-end typesafe APIs made easy.</h3>',
    '  <a href="https://codecov.io/gh/trpc/trpc"><img alt="codecov" src="https://codecov.io/badge.svg"></a>',
    '  <figure>',
    '    <img src="demo.gif" alt="Demo" />',
    '    <figcaption>',
    '      <p align="center">The client above is <strong>not</strong> importing any code from the server, only its type declarations.</p>',
    '    </figcaption>',
    '  </figure>',
    '</div>',
    '',
    '## Intro',
    '',
  ].join('\n');
  const intro = readmeReader.read('README.md', centered).intro;
  assert.equal(intro?.title, 'tRPC');
  assert.equal(intro?.summary, 'Move fast and break nothing. End-to-end typesafe APIs made easy.');
  const credit = '# LibrePhotos\n\n![](screenshots/mockup.png)\n<sub>Mockup designed by rawpixel.com / Freepik</sub>\n\n- A demo is available here.\n';
  assert.equal(readmeReader.read('README.md', credit).intro?.summary, undefined);
});

test('README: a sentence set as a centred heading, with no <h1> above it, is the tagline; a bar of links is not', () => {
  const text = [
    '<a href="https://example.com"><picture><img alt="Sketchpad" src="cover.png" /></picture></a>',
    '',
    '<h4 align="center">',
    '  <a href="https://example.com">Editor</a> |',
    '  <a href="https://example.com/blog">Blog</a> |',
    '  <a href="https://docs.example.com">Documentation</a>',
    '</h4>',
    '',
    '<div align="center">',
    '  <h2>',
    '    An open source virtual hand-drawn style whiteboard. </br>',
    '    Collaborative and end-to-end encrypted. </br>',
    '  </h2>',
    '</div>',
    '',
    '## Features',
    '',
  ].join('\n');
  assert.equal(readmeReader.read('README.md', text).intro?.summary, 'An open source virtual hand-drawn style whiteboard. Collaborative and end-to-end encrypted.');
});
