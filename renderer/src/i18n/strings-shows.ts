/** Managing shows from the show list: rename, copy, delete, and the create form's time check. */
export const showAdminEn = {
  rename: 'Rename',
  renameLabel: 'New title',
  save: 'Save',
  cancel: 'Cancel',
  copy: 'Copy',
  copyTitle: (title: string) => `${title} (copy)`,
  copied: (title: string, rundowns: number) => `Created “${title}”${rundowns ? ` with ${rundowns} run-down(s)` : ''}. The catalog is shared by every show.`,
  del: 'Delete',
  confirmDelete: (title: string) =>
    `Delete “${title}” for good? Its watch links stop working, and its rehearsals, cue history, coupon claims, quiz answers, poll votes, numbers and run-downs are deleted. This cannot be undone. (A show with orders cannot be deleted: orders are kept as records of sale.)`,
  confirmDeleteButton: 'Delete show',
  deleted: (title: string) => `Deleted “${title}”.`,
  titleRequired: 'Enter a title.',
  pastStart: 'The start time is in the past. Pick a time from now on.',
  refused: { show_live: 'This show is live. End it before deleting it.', show_has_orders: 'This show has orders. Orders are kept as records of sale, so the show cannot be deleted.' } as Record<string, string>,
  failed: 'That did not work:',
};

export const showAdminKo: typeof showAdminEn = {
  rename: '이름 바꾸기',
  renameLabel: '새 방송 제목',
  save: '저장',
  cancel: '취소',
  copy: '복사',
  copyTitle: (title: string) => `${title} (사본)`,
  copied: (title: string, rundowns: number) => `“${title}” 방송을 만들었습니다${rundowns ? ` (진행표 ${rundowns}개 포함)` : ''}. 상품·이벤트는 모든 방송이 함께 씁니다.`,
  del: '삭제',
  confirmDelete: (title: string) =>
    `“${title}” 방송을 완전히 삭제할까요? 시청 링크가 더 이상 열리지 않고, 리허설, 큐 기록, 쿠폰 받기·퀴즈 답·투표 기록, 통계와 진행표가 삭제됩니다. 되돌릴 수 없습니다. (주문이 있는 방송은 삭제할 수 없습니다. 주문은 거래 기록으로 보관됩니다.)`,
  confirmDeleteButton: '방송 삭제',
  deleted: (title: string) => `“${title}” 방송을 삭제했습니다.`,
  titleRequired: '제목을 입력하세요.',
  pastStart: '시작 시각이 이미 지났습니다. 지금 이후의 시각을 고르세요.',
  refused: { show_live: '방송 중인 방송입니다. 방송을 종료한 뒤에 삭제하세요.', show_has_orders: '주문이 있는 방송입니다. 주문은 거래 기록으로 보관되므로 삭제할 수 없습니다.' },
  failed: '처리하지 못했습니다:',
};
