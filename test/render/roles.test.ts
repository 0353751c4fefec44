/** Role rendering: kits, full question lists, comparisons, pickers and the Home tab within Block Kit limits. */
import { describe, expect, it } from 'vitest';
import { answerRoleQuery, compareRoles, findRoleKit } from '../../src/knowledge/index.ts';
import { renderComparison, renderRoleAnswer, renderRoleQuestions } from '../../src/render/roles.ts';
import { homeView } from '../../src/render/views.ts';
import { blockKitViolations } from '../support/block-kit.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();
const blockIds = (m: { blocks: { block_id?: string }[] }) => m.blocks.map((b) => b.block_id ?? '');

describe('role rendering', () => {
  it.each(realKnowledge().roles.map((r) => r.id))(
    'the %s kit fits, carries role:<id> once and shows every question',
    (id) => {
      const kit = findRoleKit(knowledge, id);
      if (!kit) throw new Error(id);
      for (const options of [{ shareable: true }, { shareable: false, sharedBy: 'U0RECRUIT' }]) {
        const message = renderRoleAnswer({ kind: 'kit', kit }, options);
        expect(blockKitViolations(message)).toEqual([]);
        expect(blockIds(message).filter((b) => b.startsWith('role:'))).toEqual([`role:${id}`]);
        const json = JSON.stringify(message);
        for (const q of kit.role.interview.questions) expect(json).toContain(q.question.replace(/"/g, '\\"'));
        expect(json).toContain(`role_questions:${id}`);
      }
      const questions = renderRoleQuestions(kit);
      expect(blockKitViolations(questions)).toEqual([]);
      const json = JSON.stringify(questions);
      for (const q of kit.role.interview.questions) {
        for (const point of [...q.listenFor, ...q.redFlags])
          expect(json).toContain(point.replace(/"/g, '\\"').replace(/&/g, '&amp;'));
      }
    },
  );

  it('every comparison, the picker, the compare help and roles without a kit fit', () => {
    for (const a of knowledge.roles) {
      for (const b of knowledge.roles) {
        const compare = compareRoles(knowledge, a.id, b.id);
        if (compare) expect(blockKitViolations(renderComparison(compare))).toEqual([]);
      }
    }
    for (const query of [
      '',
      'compare',
      'compare nope nope',
      'data scientist',
      'python developer',
      '<!channel> zzz',
      'x'.repeat(40_000),
    ]) {
      const message = renderRoleAnswer(answerRoleQuery(knowledge, query));
      expect(blockKitViolations(message)).toEqual([]);
      expect(JSON.stringify(message)).not.toMatch(/<[!@#]|<https?:/);
    }
  });

  it('the Home tab fits in a view, with a button per role and every common mistake', () => {
    const view = homeView(knowledge);
    expect(blockKitViolations(view, 'view')).toEqual([]);
    const json = JSON.stringify(view);
    for (const role of knowledge.roles) expect(json).toContain(`open_role:${role.id}`);
    for (const mistake of knowledge.mistakes) expect(json).toContain(`home-mistake:${mistake.id}`);
  });
});
