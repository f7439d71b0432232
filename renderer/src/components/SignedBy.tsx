// Who made a change, as a record's header and its 修改记录 show it. A change signed with the
// computer's user name (no 经办人 set in 设置 → 署名 when it was made) says so, and the hint leads to
// the field where the name is set: "root" alone on an office's shared PC names nobody.

import { Tag, Tooltip, Typography } from 'antd';
import { useCall } from '../api/hooks';
import { hrefOf } from '../router';

export function SignedBy({ by }: { by: string }) {
  const actor = useCall('records:actor', {});
  const unnamed = actor.data !== undefined && by === actor.data.account;
  return (
    <span data-testid="signed-by">
      <Typography.Text type="secondary">{by}</Typography.Text>
      {unnamed && (
        <Tooltip title={`“${by}”是这台电脑的登录用户名，不是经办人姓名。在 设置 → 署名 填写经办人姓名后，新的修改记为该姓名。`}>
          <a href={hrefOf({ page: 'settings', focus: 'name' })} data-testid="signed-by-unnamed" style={{ marginInlineStart: 6 }}>
            <Tag color="warning" style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
              未设置经办人
            </Tag>
          </a>
        </Tooltip>
      )}
    </span>
  );
}
